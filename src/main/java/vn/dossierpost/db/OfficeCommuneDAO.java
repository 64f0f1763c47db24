package vn.dossierpost.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Edits which office serves which commune (migration 020; read with the catalogue, {@link CatalogueDAO#servedCommunes}). */
public interface OfficeCommuneDAO {
    @SqlQuery("SELECT commune_code FROM office_commune WHERE office_code = :office ORDER BY commune_code")
    List<String> communes(@Bind("office") String officeCode);

    /** The communes the office no longer serves are left unserved (their results go to the intake office). */
    @SqlUpdate(
            "DELETE FROM office_commune WHERE office_code = :office AND NOT commune_code = ANY(CAST(:keep AS text[]))")
    int release(@Bind("office") String officeCode, @Bind("keep") String[] keep);

    /** Takes the communes over from whichever office served them. */
    @SqlUpdate(
            "INSERT INTO office_commune (commune_code, office_code) SELECT c, :office FROM unnest(CAST(:communes AS text[])) c "
                    + "ON CONFLICT (commune_code) DO UPDATE SET office_code = excluded.office_code")
    int serve(@Bind("office") String officeCode, @Bind("communes") String[] communes);
}
