package vn.dossierpost.db;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads the official list of communes, wards and special zones in force from 2025-07-01 (3,321 of
 * them in 34 provinces; the file's {@code _source} says where it comes from and how it was checked)
 * into a database that so far had the catalogue's sample. Rows already there are kept as they are
 * (their codes are the official ones, and a dossier may point at them); only the missing ones are
 * added. The file is checked whole before anything is written: five-digit codes, no code twice,
 * every commune in a province of the file, names in NFC.
 */
public class CommuneListChange extends ResourceChange {
    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
    private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Province(String code, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Commune(String code, String name, String provinceCode) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommuneList(List<Province> provinces, List<Commune> communes) {}

    private int added;

    @Override
    public void execute(Database database) throws CustomChangeException {
        if (!(database.getConnection() instanceof JdbcConnection jdbcConnection)) {
            throw new CustomChangeException("the commune list can only be loaded into a live database");
        }
        CommuneList list;
        try (InputStream in = open()) {
            list = new ObjectMapper().readValue(in, CommuneList.class);
        } catch (IOException e) {
            throw new CustomChangeException(getResource() + ": " + e.getMessage(), e);
        }
        check(list);
        Connection connection = jdbcConnection.getUnderlyingConnection();
        // as in CatalogueChange: Liquibase commits this with its changelog row, or rolls both back
        Jdbi jdbi = Jdbi.create(connection);
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        added = jdbi.withHandle(h -> {
            var provinces = h.prepareBatch(
                    "INSERT INTO province (code, name) VALUES (:code, :name) ON CONFLICT (code) DO NOTHING");
            list.provinces()
                    .forEach(p -> provinces
                            .bind("code", p.code())
                            .bind("name", p.name())
                            .add());
            provinces.execute();
            var communes = h.prepareBatch("INSERT INTO commune (code, name, province_code) "
                    + "VALUES (:code, :name, :provinceCode) ON CONFLICT (code) DO NOTHING");
            list.communes()
                    .forEach(c -> communes.bind("code", c.code())
                            .bind("name", c.name())
                            .bind("provinceCode", c.provinceCode())
                            .add());
            int rows = 0;
            for (int n : communes.execute()) {
                rows += n;
            }
            return rows;
        });
    }

    static void check(CommuneList list) throws CustomChangeException {
        if (list.provinces() == null || list.communes() == null) {
            throw new CustomChangeException("the commune list needs 'provinces' and 'communes'");
        }
        Set<String> provinces = new HashSet<>();
        for (Province p : list.provinces()) {
            if (p.code() == null || !PROVINCE_CODE.matcher(p.code()).matches() || !provinces.add(p.code())) {
                throw new CustomChangeException("province code '" + p.code() + "' is not two digits or comes twice");
            }
            checkName(p.code(), p.name());
        }
        Set<String> communes = new HashSet<>();
        for (Commune c : list.communes()) {
            if (c.code() == null || !COMMUNE_CODE.matcher(c.code()).matches() || !communes.add(c.code())) {
                throw new CustomChangeException("commune code '" + c.code() + "' is not five digits or comes twice");
            }
            if (!provinces.contains(c.provinceCode())) {
                throw new CustomChangeException(
                        "commune " + c.code() + " is in province '" + c.provinceCode() + "', which the list lacks");
            }
            checkName(c.code(), c.name());
        }
    }

    private static void checkName(String code, String name) throws CustomChangeException {
        if (name == null || name.isBlank() || !Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            throw new CustomChangeException(code + ": the name must be given, in Unicode NFC");
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Communes loaded from " + getResource() + ": " + added + " added";
    }
}
