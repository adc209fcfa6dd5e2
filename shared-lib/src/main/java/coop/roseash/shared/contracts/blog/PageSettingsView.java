package coop.roseash.shared.contracts.blog;

/**
 * A container's settings as admins see them. The SumUp credentials never leave the service in clear
 * except through {@code PageSettingsService.sumupApiKey}; here only whether they are set.
 */
public record PageSettingsView(String containerType, long containerId, String sumupMerchantCode,
                               boolean sumupCredentialsSet, boolean calendarEnabled, boolean marketEnabled,
                               boolean ticketsEnabled) {
}
