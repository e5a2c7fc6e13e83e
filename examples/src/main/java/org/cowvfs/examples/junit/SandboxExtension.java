package org.cowvfs.examples.junit;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import org.cowvfs.CowFileSystem;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CowSandbox} (registered by the annotation itself): resolves
 * annotated parameters and fills annotated fields before each test with a fresh view, and after the
 * test closes the views, first reporting their changes if the test failed.
 *
 * <p>The report goes out twice: as a JUnit report entry (shown by IDEs and the console launcher)
 * and on standard output, which Maven Surefire keeps with the failed test's output.
 */
public final class SandboxExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SandboxExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(CowSandbox.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@CowSandbox gives each test its own view: use it on a parameter of a"
                    + " test or lifecycle method, or on a field, not on " + parameter.getDeclaringExecutable());
        }
        CowSandbox sandbox = parameter.findAnnotation(CowSandbox.class).orElseThrow();
        try {
            return valueFor(parameter.getParameter().getType(), sandbox, context);
        } catch (IOException e) {
            throw new ParameterResolutionException("cannot open @CowSandbox " + String.join(", ", sandbox.value()), e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), CowSandbox.class)) {
                if (Modifier.isStatic(field.getModifiers())) {
                    throw new ExtensionConfigurationException("@CowSandbox field " + field
                            + " must not be static: each test gets its own view");
                }
                CowSandbox sandbox = field.getAnnotation(CowSandbox.class);
                field.setAccessible(true);
                field.set(instance, valueFor(field.getType(), sandbox, context));
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        TestViews views = context.getStore(NAMESPACE).remove(TestViews.class, TestViews.class);
        if (views == null) {
            return;
        }
        try (views) {
            if (context.getExecutionException().isPresent()) {
                String report = views.describeChanges();
                context.publishReportEntry("cow-sandbox changes", report);
                System.out.print(context.getDisplayName() + " failed; " + report);
            }
        }
    }

    private static TestViews views(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestViews.class, key -> new TestViews(), TestViews.class);
    }

    /** The view's root directory or the view itself, as the annotated parameter or field wants. */
    private static Object valueFor(Class<?> type, CowSandbox sandbox, ExtensionContext context) throws IOException {
        if (type != Path.class && type != CowFileSystem.class) {
            throw new ExtensionConfigurationException("@CowSandbox goes on a Path or a CowFileSystem, not on a "
                    + type.getName());
        }
        CowFileSystem view = views(context).open(sandbox, context.getRequiredTestClass());
        return type == Path.class ? view.asFileSystem().getPath("/") : view;
    }
}
