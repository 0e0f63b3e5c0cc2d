package org.priorkit.kernel;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/**
 * kernel_info_reply with {@code "status": "ok"}, which the messaging spec requires of every reply
 * and jupyter_kernel_test checks, but the base library leaves out.
 */
final class KernelInfoWithStatus extends KernelInfoReply {

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";

    KernelInfoWithStatus(String protocolVersion, String name, String version, LanguageInfo language,
                         String banner, List<HelpLink> helpLinks) {
        super(protocolVersion, name, version, language, banner, helpLinks);
    }
}
