package coop.roseash.shared.model;

import jakarta.persistence.AttributeConverter;

import java.util.Locale;

/**
 * Maps an enum to the lowercase text the schema's CHECK constraints use ({@code DRAFT} ⇄ {@code 'draft'}).
 * Each state enum has a nested {@code Converter} subclass named in its fields' {@code @Convert}.
 */
public abstract class LowercaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }
}
