package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The assembler's state while an order's corrections are out: the decision they belong to and the SKUs whose ledgers
 * have not answered yet. Its presence is the flag that the round was sent: an order is corrected at most once.
 */
public class CorrectionRound {
    public String decisionId;
    public List<String> awaiting = new ArrayList<>();

    public CorrectionRound() {}

    public CorrectionRound(String decisionId, List<String> awaiting) {
        this.decisionId = decisionId;
        this.awaiting.addAll(awaiting);
    }
}
