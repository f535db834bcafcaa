package mesoslab.standin.marathon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A placement constraint {@code [field, operator, value?]} and the check Marathon applies to an
 * offer: {@code field} is {@code hostname} (the offer's) or an agent attribute; the other
 * instances of the same app already placed decide UNIQUE, GROUP_BY and MAX_PER.
 */
record Constraint(String field, String operator, String value) {
    static final List<String> OPERATORS = List.of("UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER", "IS");

    /**
     * @param offerValue  the offer's value of {@link #field} (null when the agent lacks the attribute)
     * @param placedValues the same field's value for every other instance of the app (running or launching)
     */
    boolean accepts(String offerValue, List<String> placedValues) {
        Map<String, Integer> counts = new HashMap<>();
        placedValues.forEach(v -> counts.merge(String.valueOf(v), 1, Integer::sum));
        int here = offerValue == null ? 0 : counts.getOrDefault(offerValue, 0);
        return switch (operator) {
            case "UNIQUE" -> offerValue != null && here == 0;
            case "CLUSTER" -> offerValue != null && (value != null && !value.isEmpty()
                    ? value.equals(offerValue)
                    : placedValues.stream().allMatch(offerValue::equals));
            case "IS" -> offerValue != null && offerValue.equals(value);
            case "LIKE" -> offerValue != null && Pattern.compile(value).matcher(offerValue).matches();
            case "UNLIKE" -> offerValue == null || !Pattern.compile(value).matcher(offerValue).matches();
            case "MAX_PER" -> offerValue != null && here < Integer.parseInt(value);
            case "GROUP_BY" -> offerValue != null && groupBy(offerValue, here, counts);
            default -> false;
        };
    }

    /** Spread evenly: never put an instance where there are already more than in the emptiest group. */
    private boolean groupBy(String offerValue, int here, Map<String, Integer> counts) {
        int groups = value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
        if (!counts.containsKey(offerValue)) {
            return true;
        }
        // Too few groups seen yet to fill the promised number: an unseen group would be better.
        if (groups > counts.size()) {
            return false;
        }
        int least = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        return here <= least;
    }
}
