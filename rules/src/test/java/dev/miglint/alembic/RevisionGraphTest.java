package dev.miglint.alembic;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionGraphTest {

    /** Entries from "id<-parent1,parent2" strings; an empty parent list is a root. */
    private static RevisionGraph graph(String... specs) {
        List<RevisionGraph.Entry> entries = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split("<-", -1);
            String down = parts[1].isEmpty() ? "None" : parts[1].contains(",")
                    ? "(" + String.join(", ", quoted(parts[1].split(","))) + ")" : "'" + parts[1] + "'";
            String text = "revision = '" + parts[0] + "'\ndown_revision = " + down + "\ndef upgrade():\n    pass\n";
            RevisionFile f = (RevisionFile) AlembicReader.read(text);
            entries.add(new RevisionGraph.Entry(Path.of("versions", parts[0] + ".py"), f));
        }
        return RevisionGraph.of(entries);
    }

    private static List<String> quoted(String[] ids) {
        return java.util.Arrays.stream(ids).map(i -> "'" + i + "'").toList();
    }

    @Test
    void linearHistoryHasOneHeadOneRootAndRunsInOrder() {
        RevisionGraph g = graph("c<-b", "a<-", "b<-a");
        assertEquals(List.of("c"), g.heads());
        assertEquals(List.of("a"), g.roots());
        assertEquals(List.of("a", "b", "c"), g.runOrder());
        assertTrue(g.problems().isEmpty());
    }

    @Test
    void mergeJoinsTwoBranches() {
        RevisionGraph g = graph("a<-", "x<-a", "y<-a", "m<-x,y");
        assertEquals(List.of("m"), g.heads());
        assertEquals(List.of("m"), g.mergePoints());
        assertEquals(List.of("a", "x", "y", "m"), g.runOrder());
    }

    @Test
    void twoBranchesWithoutMergeAreTwoHeads() {
        RevisionGraph g = graph("a<-", "y<-a", "x<-a");
        assertEquals(List.of("x", "y"), g.heads());
    }

    @Test
    void unknownParentIsReportedOnTheDownRevisionLine() {
        RevisionGraph g = graph("a<-", "b<-zzz");
        assertEquals(1, g.problems().size());
        RevisionGraph.GraphProblem p = g.problems().get(0);
        assertEquals(Path.of("versions", "b.py"), p.path());
        assertTrue(p.message().contains("zzz"));
        assertEquals(List.of("a", "b"), g.runOrder());
    }

    @Test
    void duplicateRevisionIsReportedOnTheSecondFile() {
        RevisionGraph g = graph("a<-", "a<-");
        assertEquals(1, g.problems().size());
        assertTrue(g.problems().get(0).message().startsWith("duplicate revision id a"));
    }

    @Test
    void cycleIsReportedOnEachMemberAndLeftOutOfTheRunOrder() {
        RevisionGraph g = graph("r<-", "a<-c", "b<-a", "c<-b", "d<-c");
        assertEquals(3, g.problems().size(), g.problems().toString());
        assertTrue(g.problems().stream().allMatch(p -> p.message().startsWith("revision cycle")));
        assertEquals(List.of("r"), g.runOrder());
        assertEquals(List.of("d", "r"), g.heads());
    }
}
