package coop.roseash.market.democontent;

import coop.roseash.market.product.ProductForm;

import java.util.List;

/** The demo market's products: what the members on the blog's demo "Our members" page grow, bake and make. */
final class DemoProducts {

    private DemoProducts() {
    }

    /** {@code image}: a file under the market's /demo/, given as an absolute URL by {@link DemoMarket}. */
    record Item(String slug, String title, String brand, String category, String price, String vat, String unit,
                String stock, String labels, String image, String description) {

        ProductForm form(String imageBase) {
            return new ProductForm(title, slug, brand, category, price, "GBP", vat, unit, stock, labels,
                    imageBase + image, description);
        }
    }

    static List<Item> items() {
        return List.of(
                new Item("cox-apples", "Cox's Orange Pippin apples", "Hill Orchard", "Fruit and vegetables", "2.40", "0",
                        "1 kg", "40", "organic, local", "apples.svg",
                        "<p>Crisp and sweet, picked at <b>Hill Orchard</b> the week you buy them.</p>"),
                new Item("cloudy-apple-juice", "Cloudy apple juice", "Hill Orchard", "Drinks", "3.20", "20", "75 cl", "24",
                        "organic, vegan, local", "juice.svg",
                        "<p>Pressed from our own windfalls on apple pressing day. Nothing added.</p>"),
                new Item("sourdough-loaf", "White sourdough loaf", "Crumb & Co", "Bakery", "4.00", "0", "800 g", "12",
                        "vegan, local", "bread.svg",
                        "<p>Baked three times a week with a starter older than the co-op. Collect it at the market.</p>"),
                new Item("seeded-rye", "Seeded rye", "Crumb & Co", "Bakery", "4.50", "0", "800 g", "0", "vegan",
                        "bread.svg", "<p>Dark rye with sunflower and pumpkin seeds. Sold out until the next bake.</p>"),
                new Item("wildflower-honey", "Wildflower honey", "Meadow Bees", "Pantry", "6.50", "0", "340 g", "30",
                        "raw, local", "honey.svg",
                        "<p>From the forty hives in the meadow: runny in summer, set by Christmas.</p>"),
                new Item("beeswax-candles", "Beeswax candles, pair", "Meadow Bees", "Home", "8.00", "20", "pair", "",
                        "plastic-free, local", "candle.svg", "<p>Hand-dipped, slow-burning and smelling faintly of honey.</p>"),
                new Item("rolled-oats", "Rolled oats", "Rose Ash Wholefoods", "Pantry", "2.10", "0", "1 kg", "",
                        "organic, vegan", "oats.svg", "<p>Jumbo oats for porridge and flapjacks, bought in bulk for members.</p>"),
                new Item("red-lentils", "Red split lentils", "Rose Ash Wholefoods", "Pantry", "2.80", "0", "1 kg", "",
                        "organic, vegan, gluten-free", "lentils.svg", "<p>Cook in twenty minutes, no soaking needed.</p>"),
                new Item("bike-repair-kit", "Bike puncture repair kit", "The Fixers", "Repair", "12.00", "20", "each", "8",
                        "plastic-free", "tools.svg",
                        "<p>Patches, glue, tyre levers and a spanner, in a tin. The Fixers show you how at the repair café.</p>"));
    }
}
