package vn.dossierpost.web.counter;

import java.util.List;
import java.util.Map;
import vn.dossierpost.api.AttemptRequest;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/**
 * One return item at the counter: who receives it and where, its status and courier, the slip, and
 * for an item held here the hand-over form (a refused one comes back as typed, the service's words
 * beside the input they name).
 */
public final class ItemPage extends Page {
    private final ItemLine item;
    private final String slipUrl;
    private final String clientAttemptId;
    private AttemptRequest sent;
    private Map<String, List<String>> errors = Map.of();

    ItemPage(WebSession session, ItemLine item, String slipUrl, String clientAttemptId) {
        super("counter/item.ftlh", "Bưu gửi " + item.s10());
        signedIn(session);
        this.item = item;
        this.slipUrl = slipUrl;
        this.clientAttemptId = clientAttemptId;
    }

    ItemPage handOverRefused(AttemptRequest sent, Map<String, List<String>> errors) {
        this.sent = sent;
        this.errors = errors;
        return this;
    }

    public ItemLine getItem() {
        return item;
    }

    public String getSlipUrl() {
        return slipUrl;
    }

    /** Kept across a refusal, so the corrected form is the same hand-over to the service. */
    public String getClientAttemptId() {
        return clientAttemptId;
    }

    public String getRecipientName() {
        return sent == null ? item.recipient() : value(sent.recipientName());
    }

    public String getRelation() {
        return sent == null ? "SELF" : value(sent.relation());
    }

    public String getIdDocumentType() {
        return sent == null ? "CCCD" : value(sent.idDocumentType());
    }

    public String getIdNumber() {
        return sent == null ? "" : value(sent.idNumber());
    }

    public String getProxyAuthorisation() {
        return sent == null ? "" : value(sent.proxyAuthorisation());
    }

    public Map<String, List<String>> getErrors() {
        return errors;
    }

    private static String value(String s) {
        return s == null ? "" : s;
    }
}
