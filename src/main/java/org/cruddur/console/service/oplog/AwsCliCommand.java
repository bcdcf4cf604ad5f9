package org.cruddur.console.service.oplog;

import org.cruddur.console.service.json.SdkJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;

/** Renders a DynamoDB request as the {@code aws dynamodb ...} command line that makes the same call. */
public final class AwsCliCommand {

    /** The table's key attributes, spelled here so the operation log stays below the table's own model. */
    private static final String PK = "pk";
    private static final String SK = "sk";


    private static final Pattern PLACEHOLDER = Pattern.compile(":[A-Za-z0-9_]+");

    private AwsCliCommand() {
    }

    public static String render(SdkRequest request, String endpointUrl, String region) {
        StringBuilder cli = new StringBuilder("aws dynamodb ").append(kebab(operationName(request)));
        JsonNode params = SdkJson.toJson(request);
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String flag = kebab(field.getKey());
            JsonNode value = field.getValue();
            if (value.isBoolean()) {
                cli.append(value.asBoolean() ? " --" : " --no-").append(flag);
            } else if (value.isNumber()) {
                cli.append(" --").append(flag).append(' ').append(value.asText());
            } else if (value.isTextual()) {
                cli.append(" --").append(flag).append(' ').append(shellQuote(value.asText()));
            } else {
                cli.append(" --").append(flag).append(' ').append(shellQuote(SdkJson.compact(value)));
            }
        }
        if (endpointUrl != null) {
            cli.append(" --endpoint-url ").append(endpointUrl);
        }
        if (region != null) {
            cli.append(" --region ").append(region);
        }
        return cli.toString();
    }

    /** {@code QueryRequest} → {@code Query}. */
    public static String operationName(SdkRequest request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }

    /** The key condition with its placeholders filled in: {@code pk = "MSG#..."}; or the item's key. */
    public static String keyCondition(SdkRequest request) {
        JsonNode params = SdkJson.toJson(request);
        JsonNode expression = params.get("KeyConditionExpression");
        if (expression != null) {
            JsonNode values = params.path("ExpressionAttributeValues");
            JsonNode names = params.path("ExpressionAttributeNames");
            String text = expression.asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = names.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> n = it.next();
                text = text.replace(n.getKey(), n.getValue().asText());
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                JsonNode v = values.get(m.group());
                String shown = v == null ? m.group() : "\"" + v.elements().next().asText() + "\"";
                m.appendReplacement(out, Matcher.quoteReplacement(shown));
            }
            m.appendTail(out);
            return out.toString();
        }
        JsonNode key = params.has("Key") ? params.get("Key") : params.get("Item");
        if (key != null && key.has(PK)) {
            String pk = key.path(PK).path("S").asText();
            String sk = key.path(SK).path("S").asText(null);
            return "pk = \"" + pk + "\"" + (sk == null ? "" : ", sk = \"" + sk + "\"");
        }
        return null;
    }

    static String kebab(String camel) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    b.append('-');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String shellQuote(String text) {
        if (text.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
