package io.stockflow.marketsim.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.stockflow.marketsim.core.Channel;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.SimRoutes;
import io.stockflow.marketsim.core.SimulatedChannel;
import java.time.Clock;

/** Twilio's Messages resource, for customer notifications: messages are accepted, queued and kept, never sent. */
public final class TwilioChannel implements SimulatedChannel {
    private final TwilioMessages messages;

    public TwilioChannel(String accountSid, String authToken, Clock clock) {
        this.messages = new TwilioMessages(accountSid, authToken, clock);
    }

    @Override
    public Channel channel() {
        return Channel.TWILIO;
    }

    @Override
    public void register(SimRoutes api, RoutesConfig admin) {
        api.add(
                HandlerType.POST,
                "/2010-04-01/Accounts/{AccountSid}/Messages.json",
                Channel.TWILIO,
                "createMessage",
                new TwilioErrors(),
                messages::create);
    }

    @Override
    public ObjectNode state() {
        ObjectNode state = Json.object();
        state.set("messages", messages.messages());
        return state;
    }

    @Override
    public void clear() {
        messages.clear();
    }
}
