package io.stockflow.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * What the lifecycle keeps of one order: facts with their event times, not a single current state. Each stage
 * remembers when it was first reached, so events that arrive late, out of order or twice change nothing they should
 * not, and the order's stage at any past instant can be told (deadlines are judged as of the deadline). A Flink POJO.
 */
public class OrderTrack {
    public String orderId;
    public String channel;
    /** The order itself (PLACED or UPDATED) has been seen: who the customer is and what was promised. */
    public boolean known;

    public long placedAt;
    public String marketplaceOrderId;
    public String serviceLevel;
    public String shipCountry;
    public String currency;
    public String total;
    public String emailHash;
    public String phoneHash;
    public Long marketShipBy;
    public Long marketDeliverBy;
    /** Where the order ships from: the warehouse's word once it has spoken, else the allocation's. */
    public String location;

    public boolean locationFromWarehouse;
    public String carrier;
    public String trackingCode;
    public Long estimatedDelivery;
    public long backorderedUnits;
    public boolean restocked;
    /** Per {@link Stage} ordinal: when the stage was first reached (0: never). */
    public long[] reachedAt = new long[Stage.values().length];
    /** The latest delivery problem reported by the carrier (0: none). */
    public long exceptionAt;

    public String exceptionStatus;
    public String exceptionDetail;
    /** The latest carrier or warehouse progress after shipping, to tell whether an exception was overcome. */
    public long lastProgressAt;

    public long lastEventAt;
    /** Checks, alerts and notifications already done: each happens once. */
    public List<String> done = new ArrayList<>();
    /** Rank of the latest stage the customer was told about (-1: none). */
    public int notifiedRank = -1;
    /** Delay notices and apologies sent: a second one takes the "repeated" branch. */
    public int delayNotices;
    /** Event-time timers currently registered for this order. */
    public List<Long> timers = new ArrayList<>();

    public OrderTrack() {}

    public long reached(Stage stage) {
        return reachedAt[stage.ordinal()];
    }

    /** Records that a stage was reached at {@code time}; the earliest report wins. */
    public boolean reach(Stage stage, long time) {
        long seen = reachedAt[stage.ordinal()];
        if (seen != 0 && seen <= time) return false;
        reachedAt[stage.ordinal()] = time;
        return true;
    }

    /** The first time any progress stage of rank {@code rank} or above was reached (0: never). */
    public long firstAtOrAbove(int rank) {
        long first = 0;
        for (Stage s : Stage.values()) {
            long t = reached(s);
            if (s.isProgress() && s.rank >= rank && t != 0 && (first == 0 || t < first)) first = t;
        }
        return first;
    }

    public boolean reachedBy(int rank, long time) {
        long first = firstAtOrAbove(rank);
        return first != 0 && first <= time;
    }

    /** Cancelled at or before {@code time}, and before anything shipped. */
    public boolean cancelledBy(long time) {
        long cancelled = reached(Stage.CANCELLED);
        if (cancelled == 0 || cancelled > time) return false;
        long shipped = firstAtOrAbove(Stage.SHIPPED.rank);
        return shipped == 0 || shipped > cancelled;
    }

    /** The stage as of {@code time} ({@code Long.MAX_VALUE}: as of everything known); null before anything. */
    public Stage stageAt(long time) {
        if (cancelledBy(time)) return Stage.CANCELLED;
        long returned = reached(Stage.RETURNED);
        if (returned != 0 && returned <= time) return Stage.RETURNED;
        Stage progress = null;
        long progressAt = 0;
        for (Stage s : Stage.values()) {
            long t = reached(s);
            if (!s.isProgress() || t == 0 || t > time) continue;
            if (progress == null || s.rank > progress.rank || (s.rank == progress.rank && t > progressAt)) {
                progress = s;
                progressAt = t;
            }
        }
        long refunded = reached(Stage.REFUNDED);
        if (progress == Stage.DELIVERED && refunded != 0 && refunded <= time) {
            return restocked ? Stage.RETURNED : Stage.REFUNDED;
        }
        if (progress != Stage.DELIVERED
                && exceptionAt != 0
                && exceptionAt <= time
                && !(lastProgressAt > exceptionAt && lastProgressAt <= time)) {
            return Stage.DELIVERY_EXCEPTION;
        }
        return progress;
    }

    public Stage stage() {
        return stageAt(Long.MAX_VALUE);
    }

    /** When the order entered a stage it is in. */
    public long enteredAt(Stage stage) {
        if (stage == Stage.DELIVERY_EXCEPTION) return exceptionAt;
        if (stage == Stage.RETURNED && reached(Stage.RETURNED) == 0) return reached(Stage.REFUNDED);
        return reached(stage);
    }

    public boolean isDone(String key) {
        return done.contains(key);
    }

    /** Marks a key done; false when it already was. */
    public boolean markDone(String key) {
        if (done.contains(key)) return false;
        done.add(key);
        return true;
    }
}
