package com.paystream.scheme.config;

import com.paystream.scheme.modulus.ModulusCheck;
import com.paystream.scheme.modulus.SubstitutionTable;
import com.paystream.scheme.modulus.TableOrigin;
import com.paystream.scheme.modulus.WeightTable;
import io.quarkus.info.runtime.spi.InfoContributor;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Map;

/**
 * The modulus tables the service checks account numbers with, loaded at start: the bundled official ones, or the
 * files {@code scheme.modulus.*-path} names (a newer edition needs no rebuild). A file that cannot be read stops the
 * start with an error naming the file and the line. Which tables are in use is logged and shown on {@code /q/info}
 * under {@code modulus}.
 */
@Startup
@ApplicationScoped
public class ModulusTables implements InfoContributor {
    private static final Logger LOG = Logger.getLogger(ModulusTables.class);

    @Inject
    SchemeConfig config;

    private WeightTable weights;
    private SubstitutionTable substitutions;
    private ModulusCheck check;

    @PostConstruct
    void load() {
        weights = config.modulus().weightTablePath().map(Path::of).map(WeightTable::load)
                .orElseGet(WeightTable::bundled);
        substitutions = config.modulus().substitutionTablePath().map(Path::of).map(SubstitutionTable::load)
                .orElseGet(SubstitutionTable::bundled);
        check = new ModulusCheck(weights, substitutions);
        LOG.infof("Modulus check: weight table %s; substitution table %s", describe(weights.origin()),
                describe(substitutions.origin()));
    }

    private static String describe(TableOrigin origin) {
        return origin.location() + " (" + origin.edition() + ", " + origin.rows() + " rows, SHA-256 "
                + origin.sha256() + ")";
    }

    public ModulusCheck check() {
        return check;
    }

    @Override
    public String name() {
        return "modulus";
    }

    @Override
    public Map<String, Object> data() {
        return Map.of("weightTable", weights.origin(), "substitutionTable", substitutions.origin());
    }
}
