package org.minhu.mockcarrier.sim;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.config.SelfUrl;
import org.minhu.mockcarrier.push.NotifyTarget;

import io.quarkus.runtime.StartupEvent;

/** Says at start-up who the mock plays and where it pushes, so a misconfiguration shows at once. */
class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onStart(@Observes StartupEvent event, MockConfig config, NotifyTarget target, SelfUrl selfUrl) {
        LOG.infof("Mock carrier for chatbot %s: platform API at %s/bot/{apiVersion}/..., pushes to %s, phone simulator at %s/",
                config.chatbotUri(), selfUrl.base(), target.notifyUrl(), selfUrl.base());
    }
}
