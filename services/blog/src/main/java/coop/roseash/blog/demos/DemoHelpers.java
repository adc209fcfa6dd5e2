package coop.roseash.blog.demos;

import coop.roseash.shared.web.SxHelper;
import coop.roseash.shared.web.SxRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Function;

/** The {@code (helper "demo-...")} calls of the demo pages (sx/demos/*.sx), each a thin view of {@link DemoStores}. */
@ApplicationScoped
public class DemoHelpers {

    @Produces
    @Singleton
    SxHelper contact(DemoStores stores) {
        return named("demo-contact", args -> stores.contact());
    }

    @Produces
    @Singleton
    SxHelper saveContact(DemoStores stores) {
        return named("demo-contact-save", args -> stores.saveContact(text(args, 0), text(args, 1)));
    }

    @Produces
    @Singleton
    SxHelper people(DemoStores stores) {
        return named("demo-people", args -> stores.people());
    }

    @Produces
    @Singleton
    SxHelper deletePerson(DemoStores stores) {
        return named("demo-people-delete", args -> {
            stores.deletePerson(text(args, 0));
            return null;
        });
    }

    @Produces
    @Singleton
    SxHelper restorePeople(DemoStores stores) {
        return named("demo-people-restore", args -> stores.restorePeople());
    }

    @Produces
    @Singleton
    SxHelper notes(DemoStores stores) {
        return named("demo-notes", args -> stores.notes());
    }

    @Produces
    @Singleton
    SxHelper addNote(DemoStores stores) {
        return named("demo-notes-add", args -> stores.addNote(text(args, 0)));
    }

    @Produces
    @Singleton
    SxHelper tick(DemoStores stores) {
        return named("demo-tick", args -> stores.tick());
    }

    private static String text(List<Object> args, int index) {
        Object value = index < args.size() ? args.get(index) : null;
        return value == null ? "" : value.toString();
    }

    private static SxHelper named(String name, Function<List<Object>, Object> body) {
        return new SxHelper() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object call(List<Object> args, SxRequestContext request) {
                return body.apply(args);
            }
        };
    }
}
