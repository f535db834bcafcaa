package mesoslab.template;

import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;

/** The one way mesoslab configures Freemarker: strict, quiet, locale-neutral, no Java access. */
final class FreemarkerSetup {
    static {
        // Freemarker would otherwise look for a logging library and print template errors itself.
        System.setProperty("org.freemarker.loggerLibrary", "none");
    }

    private FreemarkerSetup() {}

    static Configuration configuration(TemplateLoader loader) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setUseAdaptersForContainers(true);
        cfg.setObjectWrapper(wrapper.build());
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(java.util.Locale.ROOT);
        cfg.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        // "computer" formats 1234 as 1234, not 1,234; booleans print as true/false.
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        if (loader != null) {
            cfg.setTemplateLoader(loader);
        }
        return cfg;
    }
}
