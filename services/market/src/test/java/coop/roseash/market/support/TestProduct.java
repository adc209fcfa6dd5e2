package coop.roseash.market.support;

import coop.roseash.market.product.ProductForm;

/** A product form for tests, with defaults for what a test does not care about. */
public final class TestProduct {

    private String title;
    private String slug = "";
    private String brand = "";
    private String category = "";
    private String price = "1.00";
    private String vat = "0";
    private String unit = "";
    private String stock = "";
    private String labels = "";
    private String images = "";
    private String description = "";

    private TestProduct(String title) {
        this.title = title;
    }

    public static TestProduct named(String title) {
        return new TestProduct(title);
    }

    public TestProduct slug(String value) { slug = value; return this; }
    public TestProduct brand(String value) { brand = value; return this; }
    public TestProduct category(String value) { category = value; return this; }
    public TestProduct price(String value) { price = value; return this; }
    public TestProduct vat(String value) { vat = value; return this; }
    public TestProduct unit(String value) { unit = value; return this; }
    public TestProduct stock(String value) { stock = value; return this; }
    public TestProduct labels(String value) { labels = value; return this; }
    public TestProduct images(String value) { images = value; return this; }
    public TestProduct description(String value) { description = value; return this; }

    public ProductForm form() {
        return new ProductForm(title, slug, brand, category, price, "GBP", vat, unit, stock, labels, images, description);
    }
}
