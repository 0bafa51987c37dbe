package org.minhu.conversation;

import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.outbound.BotMessage;
import org.minhu.resident.Resident;

import java.util.List;

/** Decides what the bot says to one message. Runs inside the turn's transaction. */
public interface ResidentResponder {

    List<BotMessage> respond(Resident resident, InboundMessage message);
}
