package io.stockflow.anomalies;

/**
 * A buyer's latest orders (times, ids, and whether each was already reported in a burst), oldest first, at most
 * {@link #MAX}. A Flink POJO.
 */
public class RecentOrders {
    public static final int MAX = 16;

    public long[] times = new long[0];
    public String[] orderIds = new String[0];
    public boolean[] reported = new boolean[0];
    public String[] channels = new String[0];

    public RecentOrders() {}

    /**
     * Keeps the orders after {@code since}, then adds this one. Returns false for a repeat of a known id (a retried
     * delivery), which changes nothing.
     */
    public boolean add(long since, long time, String orderId, String channel) {
        for (String id : orderIds) if (id.equals(orderId)) return false;
        int keep = 0;
        for (long t : times) if (t > since) keep++;
        int n = Math.min(MAX, keep + 1);
        long[] t = new long[n];
        String[] ids = new String[n];
        boolean[] rep = new boolean[n];
        String[] ch = new String[n];
        int j = n - 1;
        t[j] = time;
        ids[j] = orderId;
        ch[j] = channel;
        for (int i = times.length - 1; i >= 0 && j > 0; i--) {
            if (times[i] <= since) continue;
            j--;
            t[j] = times[i];
            ids[j] = orderIds[i];
            rep[j] = reported[i];
            ch[j] = channels[i];
        }
        times = t;
        orderIds = ids;
        reported = rep;
        channels = ch;
        return true;
    }

    public int size() {
        return times.length;
    }

    public long latest() {
        return times[times.length - 1];
    }
}
