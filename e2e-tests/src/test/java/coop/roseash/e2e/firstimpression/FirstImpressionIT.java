package coop.roseash.e2e.firstimpression;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.e2e.MailedLinks;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.launcher.PlatformConfig;
import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What someone evaluating the platform sees first, on the six packaged services with the blog's demo site: every
 * home page with real content on a desktop and a phone (screenshots under {@code target/screenshots/}, checked by
 * axe-core), and no page reachable from a home page, signed in or not, that fails or links to a missing page.
 */
@ExtendWith(SharedPlatform.class)
@Order(20)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstImpressionIT {

    private static final Map<String, Dimension> SIZES = Map.of("desktop", new Dimension(1280, 900), "mobile", new Dimension(390, 844));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final int MAX_PAGES = 250;
    // at least twice the six home pages: a crawl that never left them (say, every link skipped) would prove nothing
    private static final int BEYOND_HOMES = 2 * PlatformConfig.SERVICE_NAMES.size();

    private static RunningPlatform platform;
    private static Path mailDir;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        BrowserSupport.requireBrowser();
        SharedPlatform shared = SharedPlatform.get();
        platform = shared.platform();
        mailDir = shared.mailDir();
        browser = BrowserSupport.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String home(String service) {
        return platform.address(service).publicUrl() + "/";
    }

    private static List<String> homes() {
        return PlatformConfig.SERVICE_NAMES.stream().map(FirstImpressionIT::home).toList();
    }

    private static Set<Integer> ports() {
        return PlatformConfig.SERVICE_NAMES.stream().map(s -> platform.address(s).port()).collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    void everyHomePageShowsRealContentOnADesktopAndAPhone() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (Map.Entry<String, Dimension> size : SIZES.entrySet()) {
            browser.manage().window().setSize(size.getValue());
            for (String service : PlatformConfig.SERVICE_NAMES) {
                BrowserSupport.firstLoad(browser, home(service));
                assertThat(browser.findElement(By.tagName("h1")).getText()).as(service).isNotBlank();
                assertThat(browser.findElements(By.cssSelector("header .site-search input[type=search]"))).as(service).hasSize(1);
                Accessibility.assertAccessible(browser);
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(service + "-" + size.getKey() + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // the blog's home is the demo site's news, with pictures
        BrowserSupport.firstLoad(browser, home("blog"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Apple pressing day at the orchard", "Welcome to Rose Ash");
        assertThat(browser.findElements(By.cssSelector("main img.post-card-image"))).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(2)
    void aFeedReaderGivenOnlyTheBlogsAddressFindsBothFeeds() {
        browser.get(home("blog"));
        List<String> feeds = browser.findElements(By.cssSelector("head link[rel=alternate]")).stream()
                .map(link -> link.getAttribute("type") + " " + link.getAttribute("href")).toList();
        assertThat(feeds).contains("application/rss+xml " + home("blog") + "feed/rss.xml",
                "application/atom+xml " + home("blog") + "feed/atom.xml");
    }

    @Test
    @Order(3)
    void noPageReachableFromAHomePageFailsOrLinksToAMissingPageForAVisitor() throws Exception {
        List<SiteCrawler.Problem> problems = new ArrayList<>();
        Map<String, Integer> visited = new SiteCrawler(ports(), Map.of(), link -> false, MAX_PAGES).crawl(homes(), problems);
        System.out.println("[e2e] visitor crawl: " + visited.size() + " pages");
        assertThat(SiteCrawler.describe(problems)).as("pages that fail or are missing").isEmpty();
        assertThat(visited.size()).as("the crawl reached beyond the home pages").isGreaterThan(BEYOND_HOMES);
    }

    @Test
    @Order(4)
    void noPageReachableFromAHomePageFailsOrLinksToAMissingPageForAMember() throws Exception {
        String email = "crawler." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        // a browser session of its own: services try the silent sign-in once per browser session, and the
        // visitor tests above used theirs up anonymously
        Map<Integer, String> cookies = new HashMap<>();
        WebDriver member = BrowserSupport.open();
        try {
            member.get(home("blog"));
            member.findElement(By.cssSelector(".auth-menu a.sign-in")).click();
            WebDriverWait wait = new WebDriverWait(member, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email"))).sendKeys(email);
            member.findElement(By.id("send-link")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));
            member.get(MailedLinks.signInLink(mailDir, email));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-menu .member-name")));
            // the member's cookies, per service (each host's session), for the crawler's requests
            for (String service : PlatformConfig.SERVICE_NAMES) {
                member.get(home(service));
                if (!"federation".equals(service)) {
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-menu .member-name")));
                }
                cookies.put(platform.address(service).port(), member.manage().getCookies().stream()
                        .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
        } finally {
            member.quit();
        }
        assertThat(cookies.get(platform.address("blog").port())).isNotEmpty();

        List<SiteCrawler.Problem> problems = new ArrayList<>();
        // signing out would end the crawl's session half-way
        Map<String, Integer> visited = new SiteCrawler(ports(), cookies, FirstImpressionIT::signsOut, MAX_PAGES)
                .crawl(homes(), problems);
        System.out.println("[e2e] member crawl: " + visited.size() + " pages");
        assertThat(SiteCrawler.describe(problems)).as("pages that fail or are missing").isEmpty();
        assertThat(visited.size()).as("the crawl reached beyond the home pages").isGreaterThan(BEYOND_HOMES);
    }

    private static boolean signsOut(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        return path.contains("logout") || path.contains("sign-out") || path.contains("signout") || path.contains("end-session");
    }
}
