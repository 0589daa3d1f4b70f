package com.paystream.scheme.config;

import com.paystream.events.BacsCalendar;
import io.quarkus.info.runtime.spi.InfoContributor;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The Bacs calendar the service checks processing dates with, loaded at start: GOV.UK's official bank holidays as
 * bundled, or the newer copy {@code scheme.calendar.bank-holidays-path} names (no rebuild needed). A file that cannot
 * be read stops the start with an error naming it. The years the list covers and its source are logged, with a warning
 * when this year is past it (its bank holidays are then computed), and shown on {@code /q/info} under
 * {@code bacsCalendar}.
 */
@Startup
@ApplicationScoped
public class BacsCalendars implements InfoContributor {
    private static final Logger LOG = Logger.getLogger(BacsCalendars.class);

    @Inject
    SchemeConfig config;
    @Inject
    Clock clock;

    private BacsCalendar calendar;

    @PostConstruct
    void load() {
        calendar = config.calendar().bankHolidaysPath().map(Path::of).map(BacsCalendar::fromFile)
                .orElseGet(BacsCalendar::englandAndWales);
        BacsCalendar.Coverage coverage = calendar.coverage();
        LOG.infof("Bacs calendar: official England and Wales bank holidays %d-%d from %s", coverage.firstYear(),
                coverage.lastYear(), coverage.source());
        LocalDate today = BacsCalendar.today(clock);
        if (!calendar.isOfficial(today.getYear()) || !calendar.isOfficial(today.getYear() + 1)) {
            LOG.warnf("Bacs calendar: the official list ends in %d; later years' bank holidays are computed from "
                    + "the standing rules until a newer list is configured (scheme.calendar.bank-holidays-path)",
                    coverage.lastYear());
        }
    }

    public BacsCalendar calendar() {
        return calendar;
    }

    @Override
    public String name() {
        return "bacsCalendar";
    }

    @Override
    public Map<String, Object> data() {
        BacsCalendar.Coverage coverage = calendar.coverage();
        return Map.of("officialFirstYear", coverage.firstYear(), "officialLastYear", coverage.lastYear(),
                "source", coverage.source());
    }
}
