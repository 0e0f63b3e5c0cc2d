package org.priorkit.kernel;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

import java.util.List;
import java.util.Map;

/**
 * execute_reply as the messaging spec has it, for what the base library's reply cannot say: user
 * expressions as {@code {"status": "ok", "data": ..., "metadata": {}}} or {@code {"status": "error",
 * "ename": ..., "evalue": ..., "traceback": [...]}}, the pager payload of a help request, and the
 * "aborted" status of a queued cell.
 */
final class ExecuteOutcome implements ContentType<ExecuteOutcome>, ReplyType<ExecuteRequest> {

    // Serialized by Gson under these names.
    @SuppressWarnings("unused")
    private final String status;
    @SuppressWarnings("unused")
    private final int execution_count;
    @SuppressWarnings("unused")
    private final Map<String, Map<String, Object>> user_expressions;
    @SuppressWarnings("unused")
    private final List<Map<String, Object>> payload;

    private ExecuteOutcome(String status, int executionCount, Map<String, Map<String, Object>> userExpressions,
                           List<Map<String, Object>> payload) {
        this.status = status;
        this.execution_count = executionCount;
        this.user_expressions = userExpressions;
        this.payload = payload;
    }

    /** A cell that ran, with its user expressions' values. */
    static ExecuteOutcome ok(int executionCount, Map<String, Map<String, Object>> userExpressions) {
        return new ExecuteOutcome("ok", executionCount, userExpressions, List.of());
    }

    /** A help request ({@code Math.abs?}): the text for the notebook's pager. */
    static ExecuteOutcome page(int executionCount, String text) {
        return new ExecuteOutcome("ok", executionCount, Map.of(),
                List.of(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0)));
    }

    /** A cell not run because one queued before it failed (stop_on_error). */
    static ExecuteOutcome aborted(int executionCount) {
        return new ExecuteOutcome("aborted", executionCount, Map.of(), List.of());
    }

    /** One user expression's value: its MIME bundle. */
    static Map<String, Object> value(Map<String, Object> bundle) {
        return Map.of("status", "ok", "data", bundle, "metadata", Map.of());
    }

    /** One user expression's failure. */
    static Map<String, Object> error(String name, String message, List<String> traceback) {
        return Map.of("status", "error", "ename", name, "evalue", message, "traceback", traceback);
    }

    @Override
    @SuppressWarnings("unchecked") // the same message type as the base library's reply
    public MessageType<ExecuteOutcome> getType() {
        return (MessageType<ExecuteOutcome>) (MessageType<?>) ExecuteReply.MESSAGE_TYPE;
    }

    @Override
    public MessageType<ExecuteRequest> getRequestType() {
        return ExecuteReply.REQUEST_MESSAGE_TYPE;
    }
}
