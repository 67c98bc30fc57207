package dev.edgeforge.infra.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving each test class its own freshly migrated database of the {@link SharedPostgres}
 * server. Test constructors, lifecycle and test methods can declare a {@link TestDatabase} or {@link DataSource}
 * parameter.
 *
 * <pre>{@code
 * @ExtendWith(FreshDatabaseExtension.class)
 * class JobQueueIT {
 *     JobQueueIT(DataSource dataSource) { ... }
 * }
 * }</pre>
 */
public final class FreshDatabaseExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FreshDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = database(context);
        return parameter.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    private static TestDatabase database(ExtensionContext context) {
        // stored on the class's context: its test methods see it through the store's parent lookup
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()
                && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        testClass, c -> SharedPostgres.freshDatabase(testClass.getSimpleName()), TestDatabase.class);
    }
}
