package coop.roseash.events.slots;

import java.util.List;

/**
 * A recurring slot for the admin: its weekday, times, capacity, price and its exceptions.
 *
 * @param price      a booking's price as text, null when bookings are free
 * @param priceInput the price as the admin's form shows it ("12.50"), empty when free
 */
public record SlotView(long id, int dayOfWeek, String dayName, String startTime, String endTime, String label,
                       Integer capacity, String price, String priceInput, List<ExceptionView> exceptions) {

    /** One date that differs: closed, or other times. */
    public record ExceptionView(long id, String date, boolean closed, String startTime, String endTime) {
    }
}
