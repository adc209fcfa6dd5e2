package coop.roseash.events.slots;

import java.util.List;

/** A recurring slot for the admin: its weekday, times, capacity and its exceptions. */
public record SlotView(long id, int dayOfWeek, String dayName, String startTime, String endTime, String label,
                       Integer capacity, List<ExceptionView> exceptions) {

    /** One date that differs: closed, or other times. */
    public record ExceptionView(long id, String date, boolean closed, String startTime, String endTime) {
    }
}
