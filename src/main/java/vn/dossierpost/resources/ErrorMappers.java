package vn.dossierpost.resources;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.domain.IllegalTransitionException;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.http.JsonBodyLimit;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.storage.BlobStoreUnavailableException;

/** Turns what the service refuses into JSON answers that name the field and what is expected. */
public final class ErrorMappers {
    private ErrorMappers() {}

    public static List<Object> all() {
        return List.of(
                new ProblemMapper(),
                new InvalidValueMapper(),
                new IllegalTransitionMapper(),
                new JsonMapper(),
                new ParameterMapper(),
                new BodyTooLargeMapper(),
                new ViolationMapper(),
                new StoreUnavailableMapper(),
                new UncheckedStoreUnavailableMapper(),
                new StrictBooleans());
    }

    static Response json(int status, ErrorResponse body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body)
                .build();
    }

    /** A 422 naming the field, the same answer as a service's {@link Problem#invalid}. */
    static Response invalid(String field, String message) {
        return new ProblemMapper().toResponse(Problem.invalid(field, message));
    }

    public static final class ProblemMapper implements ExceptionMapper<Problem> {
        @Override
        public Response toResponse(Problem p) {
            return json(
                    p.status(), new ErrorResponse(p.status(), p.getMessage(), p.field(), p.problems(), p.details()));
        }
    }

    /** A body without the shape its record declares ({@code @Valid}): the same 422 as a service's, every problem at once. */
    public static final class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return new ProblemMapper().toResponse(Problem.invalid(Shapes.problems(e.getConstraintViolations())));
        }
    }

    /** A JSON body over {@code limits.maxJsonBody}. */
    public static final class BodyTooLargeMapper implements ExceptionMapper<JsonBodyLimit.TooLarge> {
        @Override
        public Response toResponse(JsonBodyLimit.TooLarge e) {
            return json(
                    413,
                    ErrorResponse.of(413, "the request body is too large: at most " + e.limit() + " bytes of JSON"));
        }
    }

    /** The scan store cannot be reached: 503, saying why in words without hosts or paths; the log has the rest. */
    public static final class StoreUnavailableMapper implements ExceptionMapper<BlobStoreUnavailableException> {
        private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableMapper.class);

        @Override
        public Response toResponse(BlobStoreUnavailableException e) {
            LOG.warn("answered 503: {}", e.getMessage(), e);
            return Response.fromResponse(json(
                            503,
                            ErrorResponse.of(
                                    503,
                                    e.reason() + ". Scans can be neither stored nor read now; nothing was changed."
                                            + " Try again in a few minutes; if it lasts, tell the support team.")))
                    .header("Retry-After", 60)
                    .build();
        }
    }

    /** The same, when a service wrapped it on its way (reading a scan where no checked exception may pass). */
    public static final class UncheckedStoreUnavailableMapper implements ExceptionMapper<UncheckedIOException> {
        private final ExceptionMapper<Throwable> others = new LoggingExceptionMapper<>() {};

        @Override
        public Response toResponse(UncheckedIOException e) {
            return e.getCause() instanceof BlobStoreUnavailableException unavailable
                    ? new StoreUnavailableMapper().toResponse(unavailable)
                    : others.toResponse(e);
        }
    }

    public static final class InvalidValueMapper implements ExceptionMapper<InvalidValueException> {
        @Override
        public Response toResponse(InvalidValueException e) {
            return json(422, ErrorResponse.of(422, e.getMessage()));
        }
    }

    public static final class IllegalTransitionMapper implements ExceptionMapper<IllegalTransitionException> {
        @Override
        public Response toResponse(IllegalTransitionException e) {
            List<String> allowed = e.allowed().stream().map(Enum::name).sorted().toList();
            return json(
                    409,
                    new ErrorResponse(
                            409,
                            e.getMessage(),
                            null,
                            List.of(),
                            Map.of(
                                    "currentStatus",
                                    e.from().name(),
                                    "requestedStatus",
                                    e.to().name(),
                                    "allowedNext",
                                    allowed)));
        }
    }

    /** Malformed JSON is a 400; well-formed JSON with a wrong value is a 422 naming the field. */
    public static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof JsonParseException || !(e instanceof JsonMappingException m)) {
                return json(400, ErrorResponse.of(400, "the body is not valid JSON: " + e.getOriginalMessage()));
            }
            String field = path(m);
            String message;
            if (m instanceof UnrecognizedPropertyException u) {
                message = "is not a field of this request (misspelt, or not known to this version); expected one of "
                        + u.getKnownPropertyIds().stream()
                                .map(Object::toString)
                                .sorted()
                                .collect(Collectors.joining(", "));
            } else if (m instanceof InvalidFormatException f
                    && f.getTargetType() != null
                    && f.getTargetType().isEnum()) {
                message = "'" + f.getValue() + "' is not allowed; expected one of "
                        + Arrays.stream(f.getTargetType().getEnumConstants())
                                .map(Object::toString)
                                .collect(Collectors.joining(", "));
            } else if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                message = "expected " + describe(mi.getTargetType());
            } else {
                message = "has a value of the wrong type";
            }
            if (field.isEmpty()) {
                return json(422, ErrorResponse.of(422, "the body does not match the expected shape: " + message));
            }
            return invalid(field, message);
        }

        private static String path(JsonMappingException m) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
            return b.toString();
        }

        private static String describe(Class<?> type) {
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class)
                return "a whole number";
            if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return "a number";
            if (type == Boolean.class || type == boolean.class) return "true or false";
            if (type == java.time.OffsetDateTime.class)
                return "a date and time, ISO-8601 with offset (2026-12-01T16:18:00+07:00)";
            if (type == java.time.LocalDate.class) return "a date YYYY-MM-DD";
            if (type == String.class) return "a text (in quotes)";
            if (List.class.isAssignableFrom(type)) return "a list";
            return "an object";
        }
    }

    /**
     * A query or path parameter that does not convert (limit=abc): Jersey would answer 404 for a
     * query parameter, which reads as "no such resource"; it is the parameter that is wrong.
     */
    public static final class ParameterMapper implements ExceptionMapper<org.glassfish.jersey.server.ParamException> {
        @Override
        public Response toResponse(org.glassfish.jersey.server.ParamException e) {
            String field = e.getParameterName();
            if (e instanceof org.glassfish.jersey.server.ParamException.PathParamException) {
                return json(404, ErrorResponse.of(404, "nothing here: " + field + " in the path has the wrong form"));
            }
            if (e.getCause() != null
                    && StrictBooleans.EXPECTED.equals(e.getCause().getMessage())) {
                return invalid(field, StrictBooleans.EXPECTED);
            }
            String message = "has a value of the wrong type"
                    + (e.getDefaultStringValue() == null
                            ? ""
                            : " (when left out it is " + e.getDefaultStringValue() + ")");
            return invalid(field, message);
        }
    }
}
