package io.herald.config.ssm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Reads SecureString (or String) parameters with {@code GetParameters}, decrypted, as few calls as SSM allows.
 *
 * <p>A caller may rely on: every requested parameter has a value in the answer, or {@link #read} throws; one call
 * per ten parameters (SSM's limit per call); messages name parameters and the variables they are for, never a
 * value.
 */
final class SsmParameterReader {

    /** The most names SSM takes in one GetParameters call. */
    static final int MAX_NAMES_PER_CALL = 10;

    private final SsmClient ssm;

    SsmParameterReader(SsmClient ssm) {
        this.ssm = ssm;
    }

    /**
     * @param parameters variable name => SSM parameter name (a name, a name with a {@code :version} or
     *                   {@code :label} selector, or an ARN); several variables may name the same parameter
     * @return variable name => the parameter's value
     * @throws IllegalStateException naming each missing parameter, or the parameters of a call that failed
     */
    Map<String, String> read(Map<String, String> parameters) {
        List<String> names = new ArrayList<>(new TreeSet<>(parameters.values()));
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int from = 0; from < names.size(); from += MAX_NAMES_PER_CALL) {
            List<String> batch = names.subList(from, Math.min(from + MAX_NAMES_PER_CALL, names.size()));
            GetParametersResponse answer;
            try {
                answer = ssm.getParameters(request -> request.names(batch).withDecryption(true));
            } catch (SdkException e) {
                // AWS error messages name the caller and the resource, never a parameter's value.
                throw new IllegalStateException("Cannot read the SSM parameters " + batch + " (for "
                        + variablesNaming(parameters, batch) + "): " + e.getMessage(), e);
            }
            for (Parameter parameter : answer.parameters()) {
                values.put(requestedName(parameter, batch), parameter.value());
            }
            missing.addAll(answer.invalidParameters());
            batch.stream().filter(name -> !values.containsKey(name) && !missing.contains(name))
                    .forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("SSM has no parameter " + String.join(", ", missing) + " (for "
                    + variablesNaming(parameters, missing) + "), or this role may not read it");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        parameters.forEach((variable, name) -> secrets.put(variable, values.get(name)));
        return secrets;
    }

    /**
     * The name as it was asked for: SSM answers a name with a selector with the bare name and the selector apart,
     * and may answer an ARN with the parameter's name.
     */
    private static String requestedName(Parameter parameter, List<String> asked) {
        String withSelector = parameter.name() + (parameter.selector() == null ? "" : parameter.selector());
        for (String candidate : new String[] {withSelector, parameter.name(), parameter.arn()}) {
            if (candidate != null && asked.contains(candidate)) {
                return candidate;
            }
        }
        return withSelector;
    }

    private static List<String> variablesNaming(Map<String, String> parameters, List<String> names) {
        return parameters.entrySet().stream().filter(e -> names.contains(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
