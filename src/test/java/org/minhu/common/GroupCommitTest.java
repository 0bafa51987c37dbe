package org.minhu.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit: what arrives while a group is written goes in the next group, and each item gets its own answer. */
class GroupCommitTest {

    @Test
    void whatArrivesWhileAGroupIsWrittenIsWrittenTogetherAndEachIsAnsweredAfterItsGroup() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommit<Integer, Integer> groups = new GroupCommit<>("test", 100, items -> {
            if (written.isEmpty()) {
                firstStarted.countDown();
                await(release);
            }
            written.add(items);
            return items.stream().map(i -> GroupCommit.Outcome.of(i * 10)).toList();
        }, i -> i * 10)) {
            CompletableFuture<Integer> first = groups.submit(1).toCompletableFuture();
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Integer>> next = new ArrayList<>();
            for (int i = 2; i <= 6; i++) {
                next.add(groups.submit(i).toCompletableFuture());
            }
            assertThat(first).as("not answered before its group is written").isNotDone();
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
            for (int i = 0; i < next.size(); i++) {
                assertThat(next.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
            }
            assertThat(written).containsExactly(List.of(1), List.of(2, 3, 4, 5, 6));
            assertThat(groups.groups()).isEqualTo(2);
            assertThat(groups.items()).isEqualTo(6);
        }
    }

    @Test
    void anItemRefusedInItsGroupFailsAloneAndTheOthersStand() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        try (GroupCommit<Integer, Integer> groups = new GroupCommit<>("test", 100, items -> {
            await(hold);
            return items.stream().map(i -> i == 3
                    ? GroupCommit.Outcome.<Integer>failed(new IllegalArgumentException("three refused"))
                    : GroupCommit.Outcome.of(i)).toList();
        }, i -> i)) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                answers.add(groups.submit(i).toCompletableFuture());
            }
            hold.countDown();
            assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(answers.get(3).get(10, TimeUnit.SECONDS)).isEqualTo(4);
            assertThatThrownBy(() -> answers.get(2).join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("three refused");
        }
    }

    @Test
    void aGroupThatFailsAsAWholeIsWrittenAgainItemByItem() throws Exception {
        List<Integer> alone = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch hold = new CountDownLatch(1);
        try (GroupCommit<Integer, Integer> groups = new GroupCommit<>("test", 100, items -> {
            await(hold);
            throw new IllegalStateException("deadlock");
        }, i -> {
            alone.add(i);
            if (i == 2) {
                throw new IllegalArgumentException("two is bad");
            }
            return -i;
        })) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                answers.add(groups.submit(i).toCompletableFuture());
            }
            hold.countDown();
            assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(answers.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(-3);
            assertThatThrownBy(() -> answers.get(1).join()).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThat(alone).containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    @Test
    void afterCloseNothingIsAcceptedAndNothingWaitingIsLeftUnanswered() {
        GroupCommit<Integer, Integer> groups = new GroupCommit<>("test", 10,
                items -> items.stream().map(GroupCommit.Outcome::of).toList(), i -> i);
        CompletableFuture<Integer> before = groups.submit(7).toCompletableFuture();
        groups.close();
        assertThat(before.join()).as("what was waiting at close is still written").isEqualTo(7);
        assertThatThrownBy(() -> groups.submit(8).toCompletableFuture().join()).hasMessageContaining("shutting down");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
