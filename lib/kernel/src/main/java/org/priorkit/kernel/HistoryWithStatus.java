package org.priorkit.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * history_reply as the messaging spec has it: {@code "status": "ok"} (the base library leaves it out) and
 * each entry a list {@code [session, line, input]}, or {@code [session, line, [input, output]]} when the
 * request asked for output (the base library's own reply serialized entries as objects).
 */
final class HistoryWithStatus implements ContentType<HistoryWithStatus>, ReplyType<HistoryRequest> {

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";
    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // serialized by Gson
    private final List<List<Object>> history;

    HistoryWithStatus(List<HistoryEntry> entries, boolean withOutput) {
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Object text = withOutput ? Arrays.asList(e.getInput(), e.getOutput()) : e.getInput();
            rows.add(Arrays.asList(e.getSession(), e.getCellNumber(), text));
        }
        this.history = rows;
    }

    @Override
    @SuppressWarnings("unchecked") // the same message type as the base library's reply
    public MessageType<HistoryWithStatus> getType() {
        return (MessageType<HistoryWithStatus>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;
    }

    @Override
    public MessageType<HistoryRequest> getRequestType() {
        return HistoryReply.REQUEST_MESSAGE_TYPE;
    }
}
