package vn.dossierpost.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A browser that meets an error outside the JSON API (an unknown page, a refused one, a failure of
 * the service) gets a page in Vietnamese with the same status instead of the API's JSON: a sentence
 * and a way back, never a stack trace. Programs asking for JSON, and everything under {@code /api},
 * keep the JSON answer.
 */
public final class ErrorPages implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400
                || response.getEntity() instanceof Page
                || request.getUriInfo().getPath().startsWith("api/")
                || !wantsHtml(request.getAcceptableMediaTypes())) {
            return;
        }
        // staff keep their layout (name, navigation) and go back to their own start page
        var staff = Staff.current(request);
        ErrorPage page =
                page(status, staff.map(s -> LocalPath.home(s.user().role())).orElse("/tra-cuu"));
        staff.ifPresent(page::signedIn);
        response.setEntity(page, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().remove("Content-Length");
    }

    /** What a browser asks for: HTML before anything else (a program asking for JSON keeps it). */
    private static boolean wantsHtml(List<MediaType> acceptable) {
        return !acceptable.isEmpty()
                && acceptable.get(0).isCompatible(MediaType.TEXT_HTML_TYPE)
                && !acceptable.get(0).isWildcardType();
    }

    static ErrorPage page(int status, String back) {
        return switch (status) {
            case 401, 403 ->
                new ErrorPage(status, "Không có quyền truy cập", "Bạn không có quyền xem trang này.", back);
            case 404 ->
                new ErrorPage(
                        status,
                        "Không tìm thấy trang",
                        "Không có trang nào ở địa chỉ này. Xin kiểm tra lại đường dẫn.",
                        back);
            case 409 ->
                new ErrorPage(
                        status,
                        "Không thực hiện được",
                        "Hồ sơ đã thay đổi trong lúc bạn thao tác. Xin tải lại trang và " + "thử lại.",
                        back);
            case 429 ->
                new ErrorPage(
                        status,
                        "Xin chờ một chút",
                        "Có quá nhiều yêu cầu từ địa chỉ này. Vui lòng thử lại sau ít " + "phút.",
                        back);
            case 503 ->
                new ErrorPage(
                        status,
                        "Tạm thời không làm được",
                        "Cơ sở dữ liệu tạm thời không truy cập được: chưa có gì được lưu. Xin thử lại sau ít phút.",
                        back);
            default ->
                status >= 500
                        ? new ErrorPage(
                                status,
                                "Đã có lỗi",
                                "Máy chủ gặp sự cố khi xử lý yêu cầu. Xin thử lại sau; nếu vẫn lỗi, "
                                        + "hãy báo cho bộ phận hỗ trợ.",
                                back)
                        : new ErrorPage(status, "Yêu cầu không hợp lệ", "Không thể xử lý yêu cầu này.", back);
        };
    }
}
