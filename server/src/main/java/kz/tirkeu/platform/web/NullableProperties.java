package kz.tirkeu.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Properties that may come back as {@code null} say so in the OpenAPI document, in the 3.1 way (a "null" type):
 * every {@link Optional} (Jackson writes an empty one as null: {@code me.bin}, {@code notices[].readAt},
 * {@code applications[].refusal}, {@code notification-preferences.email}), and every record component marked
 * {@code @Schema(nullable = true)} (swagger drops that 3.0 keyword from a 3.1 document). The document promised a
 * value there, and generated clients failed on the null; the API fuzzer found it (issue [7]).
 */
@Configuration(proxyBeanMethods = false)
class NullableProperties {

    /**
     * Swagger unwraps an Optional before any converter or customizer sees the property, so the record itself is
     * looked at once its schema is made: each component declared Optional becomes nullable in that schema. An
     * object behind the Optional stays one shared component; only this use of it becomes {@code oneOf: [$ref, null]}.
     */
    @Bean
    ModelConverter optionalsMayBeNull() {
        return new ModelConverter() {
            @Override
            @SuppressWarnings({"rawtypes", "unchecked"})
            public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
                Class<?> javaClass = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
                if (resolved == null || javaClass == null || !javaClass.isRecord()) {
                    return resolved;
                }
                // The chain answers with a reference to the component it defined; the component is what changes.
                Schema model = resolved.get$ref() == null ? resolved
                        : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
                Map<String, Schema> properties = model == null ? null : model.getProperties();
                for (RecordComponent component : properties == null ? new RecordComponent[0] : javaClass.getRecordComponents()) {
                    Schema property = properties.get(component.getName());
                    if (property != null && property.getOneOf() == null && mayBeNull(javaClass, component)) {
                        properties.put(component.getName(), withNull(property));
                    }
                }
                return resolved;
            }
        };
    }

    private static boolean mayBeNull(Class<?> record, RecordComponent component) {
        if (component.getType() == Optional.class) {
            return true;
        }
        try {
            // @Schema cannot target a record component; Java puts it on the component's field.
            var annotation = record.getDeclaredField(component.getName()).getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            return annotation != null && annotation.nullable();
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> withNull(Schema property) {
        property.setNullable(null); // 3.0's keyword; 3.1 says it with the type
        if (property.get$ref() != null) {
            // Not the component itself: the same LegalAct is required elsewhere.
            property.setTypes(null);
            return new Schema<>().oneOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().typesItem("null")));
        }
        if (property.getTypes() == null && property.getType() != null) {
            property.addType(property.getType());
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            property.addType("null");
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
