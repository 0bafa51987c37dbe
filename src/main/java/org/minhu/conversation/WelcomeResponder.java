package org.minhu.conversation;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.inbound.InboundKind;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.outbound.BotMessage;
import org.minhu.carrier.outbound.CardContent;
import org.minhu.carrier.outbound.Chip;
import org.minhu.resident.Resident;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers every message with the welcome card and the main menu. It stands in until the
 * declarative flows take over the conversation.
 */
@ApplicationScoped
public class WelcomeResponder implements ResidentResponder {

    static final String TITLE = "民呼 · 接诉即办";
    static final String DESCRIPTION = "您好！这里是民呼城市服务。您可以反映问题、查询办理进度、评价办理结果，或咨询政策。";

    @Override
    public List<BotMessage> respond(Resident resident, InboundMessage message) {
        List<BotMessage> replies = new ArrayList<>();
        if (message.getKind() == InboundKind.UNKNOWN) {
            replies.add(BotMessage.text("抱歉，暂时无法识别这类消息。您可以发送文字、图片或位置。"));
        }
        if (message.getMediaError() != null) {
            replies.add(BotMessage.text("抱歉，您发送的文件未能接收（" + message.getMediaError() + "）。"));
        }
        replies.add(welcome());
        return replies;
    }

    public static BotMessage welcome() {
        return BotMessage.card(
                CardContent.of(TITLE, DESCRIPTION,
                        Chip.reply("我要反映", "menu:file"),
                        Chip.reply("我的诉求", "menu:mine"),
                        Chip.reply("评价办理", "menu:rate"),
                        Chip.reply("咨询问题", "menu:ask")),
                Chip.reply("转人工", "menu:agent"),
                Chip.dial("拨打热线", "dial:12345", "12345"));
    }
}
