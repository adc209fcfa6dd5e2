package coop.roseash.shared.services.blog;


import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.contracts.blog.PageSettingsView;
import coop.roseash.shared.model.blog.PageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Per-container settings (docs/spec/platform.md §2): the SumUp merchant code, the SumUp API key (stored encrypted by
 * {@link CredentialCipher}) and the calendar, market and tickets flags.
 */
@ApplicationScoped
public class PageSettingsService implements PageSettings {

    @Inject
    CredentialCipher cipher;

    @Override
    @Transactional
    public PageSettingsView settings(String containerType, long containerId) {
        return find(containerType, containerId).map(PageSettingsService::view)
                .orElseGet(() -> new PageSettingsView(containerType, containerId, null, false, false, false, false));
    }

    /**
     * Saves the settings. {@code newSumupApiKey} null or blank keeps the stored key (the form never shows it);
     * {@code clearSumupApiKey} removes it.
     */
    @Transactional
    public PageSettingsView save(String containerType, long containerId, String merchantCode, String newSumupApiKey,
                                 boolean clearSumupApiKey, boolean calendar, boolean market, boolean tickets) {
        PageConfig config = find(containerType, containerId).orElseGet(() -> {
            PageConfig c = new PageConfig();
            c.containerType = containerType;
            c.containerId = containerId;
            return c;
        });
        config.sumupMerchantCode = merchantCode == null || merchantCode.isBlank() ? null : merchantCode.strip();
        if (clearSumupApiKey) {
            config.sumupCredentialsEncrypted = null;
        } else if (newSumupApiKey != null && !newSumupApiKey.isBlank()) {
            config.sumupCredentialsEncrypted = cipher.encrypt(newSumupApiKey.strip(), binding(containerType, containerId));
        }
        config.calendarEnabled = calendar;
        config.marketEnabled = market;
        config.ticketsEnabled = tickets;
        config.persist();
        return view(config);
    }

    @Override
    @Transactional
    public PageSettingsView enableMarket(String containerType, long containerId) {
        PageConfig config = find(containerType, containerId).orElseGet(() -> {
            PageConfig c = new PageConfig();
            c.containerType = containerType;
            c.containerId = containerId;
            return c;
        });
        config.marketEnabled = true;
        config.persist();
        return view(config);
    }

    @Override
    @Transactional
    public Optional<String> sumupApiKey(String containerType, long containerId) {
        return find(containerType, containerId)
                .filter(c -> c.sumupCredentialsEncrypted != null)
                .map(c -> cipher.decrypt(c.sumupCredentialsEncrypted, binding(containerType, containerId)));
    }

    private static Optional<PageConfig> find(String containerType, long containerId) {
        return PageConfig.find("containerType = ?1 and containerId = ?2", containerType, containerId).firstResultOptional();
    }

    private static String binding(String containerType, long containerId) {
        return "page_configs:" + containerType + ":" + containerId;
    }

    private static PageSettingsView view(PageConfig c) {
        return new PageSettingsView(c.containerType, c.containerId, c.sumupMerchantCode,
                c.sumupCredentialsEncrypted != null, c.calendarEnabled, c.marketEnabled, c.ticketsEnabled);
    }
}
