package org.example.forgotpassword.platform.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;

import org.example.forgotpassword.platform.boundary.ApiDescription.Paths;
import org.example.forgotpassword.platform.entity.ErrorCode;

/**
 * The JAX-RS resource methods of the application, found by reflection on the compiled classes of src/main/java
 * (target/classes): every method with an HTTP method annotation ({@code @GET}, {@code @POST}, anything annotated
 * {@link HttpMethod}) in a class with {@code @Path} or in its superclasses, under the application path {@code /}.
 */
final class ResourceMethods {

    /** A resource method, with its media types as declared on the method or else on its class. */
    record ResourceMethod(String httpMethod, String path, Method method, List<String> consumes,
                          List<String> produces) {

        /** {@code "METHOD /path"}, without a trailing slash, as {@link ApiDescription.Documented#key()}. */
        String key() {
            return httpMethod + " " + path;
        }

        @Override
        public String toString() {
            return key() + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    private ResourceMethods() {
    }

    /** The directory of the application's compiled classes. */
    static Path classesDirectory() {
        try {
            return Path.of(ErrorCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ResourceMethod> all() {
        Path classes = classesDirectory();
        List<ResourceMethod> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> className(classes, file))
                    .map(ResourceMethods::load)
                    .forEach(type -> found.addAll(resourceMethodsOf(type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(ResourceMethod::key));
        return found;
    }

    private static String className(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return relative.substring(0, relative.length() - ".class".length())
                .replace(file.getFileSystem().getSeparator(), ".");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceMethods.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ResourceMethod> resourceMethodsOf(Class<?> type) {
        jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (classPath == null) {
            return List.of();
        }
        List<ResourceMethod> methods = new ArrayList<>();
        for (Method method : declaredAndInherited(type)) {
            Optional<String> httpMethod = httpMethodOf(method);
            if (httpMethod.isEmpty()) {
                continue;
            }
            jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
            String path = Paths.normalized(classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()));
            methods.add(new ResourceMethod(httpMethod.get(), path, method,
                    mediaTypes(Optional.ofNullable(method.getAnnotation(Consumes.class))
                            .or(() -> Optional.ofNullable(type.getAnnotation(Consumes.class)))
                            .map(Consumes::value)),
                    mediaTypes(Optional.ofNullable(method.getAnnotation(Produces.class))
                            .or(() -> Optional.ofNullable(type.getAnnotation(Produces.class)))
                            .map(Produces::value))));
        }
        return methods;
    }

    /** A resource's methods, with those of its superclasses (the routes a common base gives every subclass). */
    private static List<Method> declaredAndInherited(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
            methods.addAll(List.of(declaring.getDeclaredMethods()));
        }
        return methods;
    }

    private static Optional<String> httpMethodOf(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static List<String> mediaTypes(Optional<String[]> declared) {
        return declared.map(values -> Arrays.stream(values)
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .toList())
                .orElse(List.of());
    }
}
