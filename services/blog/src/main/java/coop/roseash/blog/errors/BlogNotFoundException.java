package coop.roseash.blog.errors;

/** The post, page, tag, snippet or menu node asked for does not exist. */
public class BlogNotFoundException extends RuntimeException {

    public BlogNotFoundException(String what) {
        super(what + " not found");
    }
}
