package vn.dossierpost.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource or page method that answers with personal data (an applicant's name, ID
 * number, address, phone, scans): each successful call is recorded in the access log
 * ({@link AccessLogFilter}). The path parameters {@code code}, {@code s10}, {@code fileId},
 * {@code no} and {@code id} say which dossier and which of its parts were read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PersonalData {
    /** What is read: DOSSIER, TIMELINE, FILE, FILES, SLIP, NOTIFICATIONS, DELIVERY, …, or a LIST of them. */
    String value();
}
