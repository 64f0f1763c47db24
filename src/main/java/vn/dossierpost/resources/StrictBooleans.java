package vn.dossierpost.resources;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Yes/no parameters ({@code ?overdue=true}) take {@code true} or {@code false} only. JAX-RS reads
 * them with {@code Boolean.valueOf}, for which {@code overdue=maybe} (or {@code =1}, {@code =yes}) is
 * silently false: a caller asking for overdue dossiers would be shown all of them. A value that is
 * neither is refused, and {@link ErrorMappers.ParameterMapper} answers 422 naming the parameter.
 */
public final class StrictBooleans implements ParamConverterProvider {
    static final String EXPECTED = "must be true or false";

    private static final ParamConverter<Boolean> CONVERTER = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            if ("true".equalsIgnoreCase(value)) {
                return true;
            }
            if ("false".equalsIgnoreCase(value)) {
                return false;
            }
            throw new IllegalArgumentException(EXPECTED);
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Boolean.class || rawType == boolean.class ? (ParamConverter<T>) CONVERTER : null;
    }
}
