/**
 * Value types and rules of the postal dossier service: identifiers (S10 item numbers, dossier
 * codes, citizen IDs, phone numbers), the dossier status machine with its single transition
 * table, the working calendar and deadlines, route classes and fees.
 *
 * <p>Plain JDK only: no framework types and no I/O, so everything here is tested with unit tests.
 * Rules that change by decree (holidays, transit days, tariffs) come in as data from the callers.
 */
package vn.dossierpost.domain;
