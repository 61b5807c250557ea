package io.stockflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.local.ClusterHealth.State;
import io.stockflow.local.LocalFlink.Role;
import org.junit.jupiter.api.Test;

class ClusterHealthTest {
    @Test
    void aClusterWithItsTaskManagerIsUpAndNeedsNothing() {
        ClusterHealth h = new ClusterHealth(true, 1, true, true, true);

        assertThat(h.state()).isEqualTo(State.UP);
        assertThat(h.missing()).isEmpty();
    }

    @Test
    void aDeadTaskManagerMakesItUnhealthyEvenWhileItsRegistrationLingers() {
        ClusterHealth h = new ClusterHealth(true, 1, true, true, false);

        assertThat(h.state()).isEqualTo(State.UNHEALTHY);
        assertThat(h.problem()).contains("TaskManager process is gone");
        assertThat(h.missing()).containsExactly(Role.TASKMANAGER);
    }

    @Test
    void noRegisteredTaskManagerIsUnhealthy() {
        ClusterHealth h = new ClusterHealth(true, 0, true, false, false);

        assertThat(h.state()).isEqualTo(State.UNHEALTHY);
        assertThat(h.problem()).contains("no TaskManager is registered");
        assertThat(h.missing()).containsExactly(Role.TASKMANAGER);
    }

    @Test
    void aDeadJobManagerIsRestartedAloneBesideTheSurvivingTaskManager() {
        ClusterHealth h = new ClusterHealth(false, 0, false, true, true);

        assertThat(h.state()).isEqualTo(State.UNHEALTHY);
        assertThat(h.problem()).contains("JobManager is gone");
        assertThat(h.missing())
                .as("never a second TaskManager beside the orphaned one")
                .containsExactly(Role.JOBMANAGER);
    }

    @Test
    void nothingRunningIsDown() {
        ClusterHealth h = new ClusterHealth(false, 0, false, true, false);

        assertThat(h.state()).isEqualTo(State.DOWN);
        assertThat(h.problem()).isEmpty();
    }

    @Test
    void anOrphanedTaskManagerBesideTheRecordedOneIsUnhealthy() {
        ClusterHealth h = new ClusterHealth(true, 1, true, true, true, java.util.List.of(4242L));

        assertThat(h.state()).isEqualTo(State.UNHEALTHY);
        assertThat(h.problem()).contains("orphaned TaskManager(s) [4242]", "same id");
        assertThat(h.missing()).isEmpty();
    }

    @Test
    void withHighAvailabilityADeadZooKeeperIsUnhealthyAndStartedFirst() {
        ClusterHealth h = new ClusterHealth(true, 1, true, true, true, java.util.List.of(), true, false);

        assertThat(h.state()).isEqualTo(State.UNHEALTHY);
        assertThat(h.problem()).contains("ZooKeeper is gone");
        assertThat(h.missing()).containsExactly(Role.ZOOKEEPER);
    }

    @Test
    void withHighAvailabilityADeadJobManagerResumesItsJobsByItself() {
        ClusterHealth h = new ClusterHealth(false, 0, false, true, true, java.util.List.of(), true, true);

        assertThat(h.state()).isEqualTo(State.UNHEALTHY);
        assertThat(h.problem()).contains("JobManager is gone", "resumes its jobs by itself");
        assertThat(h.missing()).containsExactly(Role.JOBMANAGER);
    }

    @Test
    void withHighAvailabilityAWholeClusterIsUpAndAZooKeeperLeftAloneIsNotDown() {
        assertThat(new ClusterHealth(true, 1, true, true, true, java.util.List.of(), true, true).state())
                .isEqualTo(State.UP);
        ClusterHealth onlyZooKeeper = new ClusterHealth(false, 0, false, true, false, java.util.List.of(), true, true);
        assertThat(onlyZooKeeper.state()).isEqualTo(State.UNHEALTHY);
        assertThat(onlyZooKeeper.missing()).containsExactly(Role.JOBMANAGER, Role.TASKMANAGER);
        assertThat(new ClusterHealth(false, 0, false, true, false, java.util.List.of(), true, false).state())
                .isEqualTo(State.DOWN);
    }
}
