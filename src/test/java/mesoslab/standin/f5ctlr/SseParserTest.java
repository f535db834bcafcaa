package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import mesoslab.standin.f5ctlr.marathon.SseParser;
import mesoslab.standin.f5ctlr.sync.EventListener;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private static List<SseParser.Message> feed(String stream) {
        SseParser parser = new SseParser();
        List<SseParser.Message> out = new ArrayList<>();
        // Lines as a reader returns them: what follows the last newline is not a line.
        for (String line : stream.substring(0, stream.lastIndexOf('\n')).split("\n", -1)) {
            parser.feed(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void marathonEventsAreSplitAtBlankLinesWithTheirTypeAndData() {
        List<SseParser.Message> messages = feed("event: event_stream_attached\ndata: {\"eventType\":\"event_stream_attached\"}\n\n"
                + ": comment\nevent: status_update_event\ndata: {\"eventType\":\"status_update_event\",\"taskStatus\":\"TASK_RUNNING\"}\n\n");

        assertThat(messages).extracting(SseParser.Message::event).containsExactly("event_stream_attached", "status_update_event");
        assertThat(SseParser.eventTypes(messages.get(1).data())).containsExactly("status_update_event");
    }

    @Test
    void aBlankKeepAliveIsAMessageWithoutData() {
        assertThat(feed("\r\n")).containsExactly(new SseParser.Message("", ""));
    }

    @Test
    void severalJsonDocumentsInOneMessageAreEachSeen() {
        assertThat(SseParser.eventTypes("{\"eventType\":\"api_post_event\"}\r\n{\"eventType\":\"deployment_info\"}")).containsExactly(
                "api_post_event", "deployment_info");
    }

    @Test
    void theRealControllersFiveEventsAndDeploymentsTriggerAResyncOthersDoNot() {
        assertThat(List.of("status_update_event", "event_stream_attached", "health_status_changed_event", "app_terminated_event",
                "api_post_event", "deployment_success", "event_stream_detached")).allMatch(EventListener::triggers);
        assertThat(List.of("framework_message_event", "group_change_success", "instance_changed_event", ""))
                .noneMatch(EventListener::triggers);
    }
}
