// Text the generator draws from: several languages and scripts, emoji.

/// Words, labels and sentences in several languages and scripts.
enum Text {
    static let labels = [
        "Bestellung prüfen", "Commande confirmée ✓", "注文を確認する", "Отправить счёт клиенту", "Δοκιμή πληρωμής",
        "📦 Versand vorbereiten", "Ñandú — café con leche", "订单同步到仓库", "Zahlung eingegangen 💶", "고객에게 알림",
        "Create ERP order", "Alert #ops", "Update CRM contact", "Łódź: faktura VAT", "Ödeme alındı",
        "Rechnung an Buchhaltung", "Notify warehouse", "Sync to data warehouse", "Résumé quotidien", "Tiếng Việt: đơn hàng",
    ]
    static let routerNames = ["Nach Land verteilen", "Route by status", "按渠道分流", "По типу оплаты", "Split by region"]
    static let filterNames = ["Paid orders", "Nur EU-Kunden", "高額注文", "Есть позиции", "Has line items", "Refund requested"]
    static let accounts = ["orders@example.com", "Ops Slack (ops@example.com)", "Büro München", "営業チーム", "ERP service account"]
    static let fields = [
        "id", "data.id", "value", "statusCode", "customer.email", "customer.name", "total", "createdAt",
        "data.order.lines[1].price", "body", "items", "shipping.address.city", "customer.locale", "headers.x-request-id",
    ]
    static let words = ["paid", "bezahlt", "payé", "支払い済み", "оплачено", "pending", "refund", "Rückerstattung", "expédié", "发货"]
    static let sentences = [
        "Hallo, Ihre Bestellung ist eingegangen und wird bearbeitet",
        "Bonjour, votre commande a été expédiée",
        "ご注文ありがとうございます。発送準備中です",
        "Здравствуйте, ваш заказ собран и ждёт курьера",
        "Order received; the warehouse has been notified",
        "Γεια σας, η παραγγελία σας εστάλη",
        "Pedido recibido — gracias por su compra",
        "您的订单已付款，我们会尽快发货",
    ]
}
