package dev.edgeforge.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Field errors of a submitted form as {@code field -> message}, for templates ({@code fieldErrors.email}). */
public final class FormErrors {

    private FormErrors() {}

    public static Map<String, String> of(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        return errors;
    }
}
