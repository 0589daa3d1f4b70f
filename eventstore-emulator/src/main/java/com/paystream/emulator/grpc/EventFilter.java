package com.paystream.emulator.grpc;

import com.paystream.emulator.store.CommittedEvent;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A server-side {@code $all} filter: on the stream name or on the event type, by prefixes or a regular expression
 * (matched anywhere in the name, as the server's {@code Regex.IsMatch} does), plus its checkpoint interval.
 */
public record EventFilter(Predicate<CommittedEvent> predicate, int checkpointInterval) {

    public static final EventFilter NONE = new EventFilter(event -> true, 0);
    private static final int DEFAULT_WINDOW = 32;

    public boolean test(CommittedEvent event) {
        return predicate.test(event);
    }

    /** Builds a filter from the wire's expression; {@code onStreamName} chooses stream name over event type. */
    public static EventFilter of(boolean onStreamName, String regex, List<String> prefixes, Integer window,
                                 int multiplier) {
        Predicate<String> matcher;
        if (!prefixes.isEmpty()) {
            List<String> copy = List.copyOf(prefixes);
            matcher = value -> copy.stream().anyMatch(value::startsWith);
        } else if (!regex.isEmpty()) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw Wire.invalidArgument("Invalid filter regex '" + regex + "': " + e.getDescription());
            }
            matcher = value -> pattern.matcher(value).find();
        } else {
            throw Wire.invalidArgument("A filter needs a regex or at least one prefix");
        }
        Predicate<CommittedEvent> predicate = onStreamName
                ? event -> matcher.test(event.stream())
                : event -> matcher.test(event.type());
        int interval = (window == null || window <= 0 ? DEFAULT_WINDOW : window) * Math.max(1, multiplier);
        return new EventFilter(predicate, interval);
    }

    static EventFilter of(ReadReq.Options options) {
        if (!options.hasFilter()) {
            return NONE;
        }
        ReadReq.Options.FilterOptions filter = options.getFilter();
        boolean onStream = filter.hasStreamIdentifier();
        ReadReq.Options.FilterOptions.Expression expression = onStream ? filter.getStreamIdentifier()
                : filter.getEventType();
        return of(onStream, expression.getRegex(), expression.getPrefixList(),
                filter.hasMax() ? filter.getMax() : null, filter.getCheckpointIntervalMultiplier());
    }
}
