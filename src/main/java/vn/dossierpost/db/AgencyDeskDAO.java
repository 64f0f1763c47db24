package vn.dossierpost.db;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;
import vn.dossierpost.domain.DossierStatus;

/** What an agency's desk lists: its dossiers by status, and the handovers that brought one of them. */
@RegisterRowMapper(DossierRow.Mapper.class)
public interface AgencyDeskDAO {

    /** How many of the agency's dossiers are in one status, and how many of those are past their result date. */
    record StatusCount(DossierStatus status, long dossiers, long pastResultDue) {}

    @SqlQuery("SELECT status, count(*) AS dossiers, count(*) FILTER (WHERE result_due < :today) AS past_result_due "
            + "FROM dossier WHERE agency_code = :agency AND status IN (<statuses>) GROUP BY status")
    @RegisterConstructorMapper(StatusCount.class)
    List<StatusCount> counts(
            @Bind("agency") String agencyCode,
            @BindList("statuses") Collection<DossierStatus> statuses,
            @Bind("today") LocalDate today);

    /**
     * The agency's dossiers in {@code statuses}, the soonest result date first; {@code pastDue}: only
     * those whose result date is before {@code today}; {@code code} or {@code words} (folded name
     * words, all of which the applicant's name must have) narrow it when set.
     */
    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE agency_code = :agency AND status IN (<statuses>)"
            + "<if(pastDue)> AND result_due \\< :today<endif>"
            + "<if(byCode)> AND (code = :code OR s10_number = :code)<endif>"
            + "<if(byWords)> AND applicant_name_words @> string_to_array(:words, ' ')<endif>"
            + " ORDER BY result_due NULLS LAST, id LIMIT :limit")
    @UseStringTemplateEngine
    @AllowUnusedBindings
    List<DossierRow> list(
            @Bind("agency") String agencyCode,
            @BindList("statuses") Collection<DossierStatus> statuses,
            @Define("pastDue") boolean pastDue,
            @Bind("today") LocalDate today,
            @Define("byCode") boolean byCode,
            @Bind("code") String code,
            @Define("byWords") boolean byWords,
            @Bind("words") String words,
            @Bind("limit") int limit);

    /** The numbers of the agency's handovers that carried the dossier, oldest first. */
    @SqlQuery("SELECT h.no FROM handover h JOIN handover_item i ON i.handover_id = h.id "
            + "JOIN dossier d ON d.id = i.dossier_id WHERE d.code = :code AND h.agency_code = :agency ORDER BY h.id")
    List<String> handovers(@Bind("agency") String agencyCode, @Bind("code") String code);
}
