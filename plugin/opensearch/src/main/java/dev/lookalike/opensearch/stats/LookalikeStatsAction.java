package dev.lookalike.opensearch.stats;

import org.opensearch.action.ActionType;

/**
 * The nodes action that gathers {@link NodeFigures} from the nodes a request names
 * ({@link TransportLookalikeStatsAction}), as the k-NN plug-in's stats action does for its figures.
 */
public final class LookalikeStatsAction extends ActionType<LookalikeStatsResponse> {

    /** The action's name: a cluster monitoring read, as node stats are. */
    public static final String NAME = "cluster:monitor/lookalike/stats";
    /** The one instance. */
    public static final LookalikeStatsAction INSTANCE = new LookalikeStatsAction();

    private LookalikeStatsAction() {
        super(NAME, LookalikeStatsResponse::new);
    }
}
