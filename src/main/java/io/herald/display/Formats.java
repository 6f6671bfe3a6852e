package io.herald.display;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers, amounts and times as one reader expects them: in their language's conventions and their time zone.
 * Templates see it as {@code fmt}: {@code {fmt.money(data.amount, data.currency)}}, {@code {fmt.number(x)}},
 * {@code {fmt.dateTime(t)}}, {@code {fmt.date(t)}}. A value that is not what the method formats is shown as it is,
 * so a template never fails on an unexpected value.
 */
@TemplateData
public final class Formats {

    private final Locale locale;
    private final ZoneId zone;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    /** For a reader's BCP 47 language tag and IANA zone id; English and UTC where they are missing or unknown. */
    public static Formats of(String languageTag, String zoneId) {
        Locale locale = languageTag == null || languageTag.isBlank() ? Locale.ENGLISH
                : Locale.forLanguageTag(languageTag);
        ZoneId zone;
        try {
            zone = zoneId == null ? ZoneId.of("UTC") : ZoneId.of(zoneId);
        } catch (java.time.DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        return new Formats(locale, zone);
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 48500} and {@code EUR}: €48,500.00 for an English reader, 48.500,00 € for a German one. */
    public String money(Object amount, Object currencyCode) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return text(amount) + (currencyCode == null ? "" : " " + currencyCode);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            if (currencyCode != null) {
                Currency currency = Currency.getInstance(currencyCode.toString());
                format.setCurrency(currency);
                int digits = Math.max(currency.getDefaultFractionDigits(), 0);
                format.setMinimumFractionDigits(digits);
                format.setMaximumFractionDigits(digits);
            }
        } catch (IllegalArgumentException e) {
            return number(value) + " " + currencyCode;
        }
        return format.format(value);
    }

    /** {@code 48500}: 48,500 in English, 48.500 in German. */
    public String number(Object value) {
        BigDecimal number = decimal(value);
        return number == null ? text(value) : NumberFormat.getNumberInstance(locale).format(number);
    }

    /** An instant (or RFC 3339 text) as a date and time in the reader's zone, with the zone named. */
    public String dateTime(Object value) {
        Instant instant = instant(value);
        return instant == null ? text(value)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .withZone(zone).format(instant) + " (" + zone.getId() + ")";
    }

    /** An instant (or RFC 3339 text, or a plain date) as a date in the reader's zone. */
    public String date(Object value) {
        Instant instant = instant(value);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        if (instant != null) {
            return format.withZone(zone).format(instant);
        }
        try {
            return value == null ? "" : format.format(java.time.LocalDate.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return text(value);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
