package vn.dossierpost.web.counter;

import java.time.ZoneId;
import java.util.List;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.UploadResult;
import vn.dossierpost.service.Problem;

/**
 * What the dossier page's script is told about one uploaded file: what was recognised and stored,
 * with the dossier's status after it; or why it was refused, in Vietnamese first and then the
 * service's own words (which name the rule: the type, the size limit).
 */
public record ScanAnswer(
        boolean stored,
        List<DossierPage.Scan> files,
        String status,
        String statusLabel,
        List<String> requiredWithoutFile,
        String reason,
        String detail) {

    static ScanAnswer stored(UploadResult result, ZoneId zone) {
        return new ScanAnswer(
                true,
                result.files().stream()
                        .map(f -> DossierPage.scan(result.dossierCode(), f, zone))
                        .toList(),
                result.status().name(),
                result.status().labelVi(),
                result.requiredWithoutFile(),
                null,
                null);
    }

    static ScanAnswer refused(Problem p) {
        String detail =
                p.problems().stream().map(FieldProblem::message).findFirst().orElse(p.getMessage());
        return new ScanAnswer(false, List.of(), null, null, List.of(), reason(p.status()), detail);
    }

    private static String reason(int status) {
        return switch (status) {
            case 415 -> "Không nhận: tệp không phải PDF, JPEG, PNG hay TIFF (xét theo nội dung tệp, không theo tên).";
            case 413 -> "Không nhận: tệp vượt quá dung lượng cho phép.";
            case 409 -> "Không nhận: hồ sơ đang ở trạng thái không nhận thêm tệp quét.";
            case 403 -> "Không nhận: bạn không có quyền thêm tệp cho hồ sơ này.";
            case 404 -> "Không nhận: không tìm thấy hồ sơ.";
            case 400 -> "Không nhận: việc tải tệp bị gián đoạn; xin thử lại.";
            default -> "Không nhận: tệp không hợp lệ.";
        };
    }
}
