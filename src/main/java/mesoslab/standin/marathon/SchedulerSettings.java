package mesoslab.standin.marathon;

/** The scheduling knobs taken from Marathon's flags (all durations in milliseconds). */
record SchedulerSettings(long declineOfferMillis, long minReviveMillis, long launchTimeoutMillis, long killRetryMillis,
        int maxInstancesPerOffer, String envPrefix) {

    static SchedulerSettings from(MarathonFlags flags) throws FlagException {
        return new SchedulerSettings(flags.longValue("decline_offer_duration"), flags.longValue("min_revive_offers_interval"),
                flags.longValue("task_launch_timeout"), flags.longValue("kill_retry_timeout"),
                flags.intValue("max_instances_per_offer"), flags.value("env_vars_prefix"));
    }
}
