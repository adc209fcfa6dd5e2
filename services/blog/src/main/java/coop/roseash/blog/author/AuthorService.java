package coop.roseash.blog.author;

import coop.roseash.blog.post.Slugs;

import coop.roseash.blog.author.AuthorView;
import coop.roseash.shared.model.blog.Author;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Blog authors, linked to members: a member who writes gets an author row, matched by user id, then by email. */
@ApplicationScoped
public class AuthorService {

    @Transactional
    public Optional<AuthorView> bySlug(String slug) {
        return Author.<Author>find("slug", slug).firstResultOptional().map(AuthorService::view);
    }

    @Transactional
    public List<AuthorView> all() {
        return Author.<Author>find("order by name").list().stream().map(AuthorService::view).toList();
    }

    /**
     * The author row of a member, created on first use. An imported author with the member's email is
     * adopted (linked to the member) rather than duplicated.
     */
    @Transactional
    public AuthorView forMember(long userId, String email, String displayName) {
        Optional<Author> linked = Author.find("userId", userId).firstResultOptional();
        if (linked.isPresent()) {
            return view(linked.get());
        }
        String normalizedEmail = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        Author author = normalizedEmail == null ? null
                : Author.<Author>find("lower(email) = ?1 and userId is null", normalizedEmail).firstResult();
        if (author == null) {
            author = new Author();
            author.name = displayName != null && !displayName.isBlank() ? displayName.strip()
                    : normalizedEmail != null ? normalizedEmail.substring(0, normalizedEmail.indexOf('@')) : "Member " + userId;
            author.slug = Slugs.unique(Slugs.slugify(author.name, "author"), s -> Author.count("slug", s) > 0);
            author.email = normalizedEmail;
        }
        author.userId = userId;
        author.persist();
        return view(author);
    }

    static AuthorView view(Author a) {
        return new AuthorView(a.id, a.slug, a.name, a.bio, a.profileImage, a.userId);
    }
}
