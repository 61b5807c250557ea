package io.stockflow.anomalies;

/** A customer's latest orders (times and ids, oldest first), at most {@link #MAX}. A Flink POJO. */
public class RecentOrders {
    public static final int MAX = 16;

    public long[] times = new long[0];
    public String[] orderIds = new String[0];

    public RecentOrders() {}

    /** Keeps the orders after {@code since}, then adds this one (a repeat of a known id is ignored). */
    public void add(long since, long time, String orderId) {
        int keep = 0;
        boolean known = false;
        for (int i = 0; i < times.length; i++) {
            if (times[i] > since) keep++;
            if (orderIds[i].equals(orderId)) known = true;
        }
        if (known) return;
        int n = Math.min(MAX, keep + 1);
        long[] t = new long[n];
        String[] ids = new String[n];
        int j = n - 1;
        t[j] = time;
        ids[j] = orderId;
        for (int i = times.length - 1; i >= 0 && j > 0; i--) {
            if (times[i] <= since) continue;
            j--;
            t[j] = times[i];
            ids[j] = orderIds[i];
        }
        times = t;
        orderIds = ids;
    }

    public int size() {
        return times.length;
    }
}
