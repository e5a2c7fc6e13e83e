package org.cowvfs.examples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What {@link CowSandbox} reports when a test fails: the view's changes, as a JUnit report entry,
 * and the view is closed all the same. Runs {@link FailsOnPurpose} through the JUnit launcher.
 */
class SandboxFailureReportTest {
    /** Left open by the failing test, to check that the extension closed its view. */
    private static FileSystem leftOpen;

    @Disabled("fails on purpose; SandboxFailureReportTest runs it with this condition turned off")
    static class FailsOnPurpose {
        @Test
        void changesThingsAndFails(@CowSandbox("/fixtures/app") Path root) throws IOException {
            leftOpen = root.getFileSystem();
            Files.writeString(root.resolve("config.txt"), "mode=broken\n");
            Files.createDirectory(root.resolve("scratch"));
            fail("on purpose");
        }
    }

    @Test
    void aFailedTestReportsItsChangesAndItsViewIsClosed() {
        List<ReportEntry> entries = new ArrayList<>();
        List<TestExecutionResult> results = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FailsOnPurpose.class))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                entries.add(entry);
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    results.add(result);
                }
            }
        });

        assertEquals(1, results.size());
        assertEquals(TestExecutionResult.Status.FAILED, results.get(0).getStatus());
        assertEquals(1, entries.size(), entries.toString());
        String report = entries.get(0).getKeyValuePairs().get("cow-sandbox changes");
        assertTrue(report.contains("C /config.txt"), report);
        assertTrue(report.contains("A /scratch"), report);
        assertFalse(leftOpen.isOpen(), "the view is closed after the failed test");
    }
}
